using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hw4.Dashboard.Store.Migrations
{
    /// <inheritdoc />
    public partial class RunHostAndFolderFromId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite (3.35+) drops the column in place, inside the migration's transaction. EF Core's DropColumn would
            // rebuild the table with foreign keys off, which cannot run in a transaction: a host killed during it would
            // leave a half-migrated index.
            migrationBuilder.Sql("ALTER TABLE \"Runs\" DROP COLUMN \"Directory\";");

            migrationBuilder.AddColumn<string>(
                name: "Host",
                table: "Runs",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Host",
                table: "Runs");

            migrationBuilder.AddColumn<string>(
                name: "Directory",
                table: "Runs",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }
    }
}
