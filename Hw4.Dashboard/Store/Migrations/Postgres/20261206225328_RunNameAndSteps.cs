using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hw4.Dashboard.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RunNameAndSteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "Runs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StepsDone",
                table: "Runs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StepsPlanned",
                table: "Runs",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Name",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "StepsDone",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "StepsPlanned",
                table: "Runs");
        }
    }
}
