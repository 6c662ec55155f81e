using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Softswitch.Data;
using Softswitch.Data.Cdrs;
using Softswitch.Data.SqlServer;
using Softswitch.Domain;
using Softswitch.Media.Cdrs;
using static Softswitch.Switch.Tests.Builders.Cdrs;

namespace Softswitch.Switch.Tests.Media;

/// <summary>
/// The SQL Server side of <see cref="CdrBatchInsert"/>, which no engine here can run: the statement is built from the
/// SQL Server model and binds within SQL Server's parameter limit. (The SQLite side is stored and read back in
/// <see cref="DatabaseCdrStoreTests"/>.)
/// </summary>
public sealed class CdrBatchInsertTests
{
    private const int SqlServerMaxParameters = 2_100;

    [Fact]
    public async Task A_full_sql_server_statement_binds_every_column_of_every_row_within_the_parameter_limit()
    {
        var options = new DbContextOptionsBuilder<SoftswitchDbContext>().UseSoftswitchSqlServer("Server=unused.invalid;Database=softswitch").Options;
        await using var db = new SoftswitchDbContext(options, new FixedTenantContext("ten_a"), TimeProvider.System);
        var columns = db.Model.FindEntityType(typeof(Cdr))!.GetProperties().Count() + 1;
        var rows = Enumerable.Range(1, 60).Select(n => CdrRows.From(Final(n))).ToList();
        await using var command = new SqlCommand();

        var insert = CdrBatchInsert.For(db);
        var text = insert.Fill(command, rows, 0, insert.RowsPerStatement);

        Assert.StartsWith("INSERT INTO [Cdrs] ([", text, StringComparison.Ordinal);
        Assert.Contains("[Attempts]) VALUES (@p0_0, ", text, StringComparison.Ordinal);
        Assert.Equal(insert.RowsPerStatement * columns, command.Parameters.Count);
        Assert.InRange(command.Parameters.Count, 1, SqlServerMaxParameters);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, System.Text.Json.JsonDocument.Parse((string)command.Parameters["@p0_j"].Value!).RootElement.ValueKind);
    }
}
