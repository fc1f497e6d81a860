using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hw4.Dashboard.Store.Migrations
{
    /// <inheritdoc />
    public partial class RunProblem : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Problem",
                table: "Runs",
                type: "TEXT",
                maxLength: 2048,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Problem",
                table: "Runs");
        }
    }
}
