using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hw4.Dashboard.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RunHostAndFolderFromId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Directory",
                table: "Runs");

            migrationBuilder.AddColumn<string>(
                name: "Host",
                table: "Runs",
                type: "text",
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
                type: "text",
                nullable: false,
                defaultValue: "");
        }
    }
}
