using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hw4.Dashboard.Store.Migrations
{
    /// <inheritdoc />
    public partial class DenoiseRunColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Alpha",
                table: "Runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "LearningRate",
                table: "Runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Norm",
                table: "Runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Optimizer",
                table: "Runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Psnr",
                table: "Runs",
                type: "REAL",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Alpha",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "LearningRate",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Norm",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Optimizer",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Psnr",
                table: "Runs");
        }
    }
}
