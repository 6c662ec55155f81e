using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Softswitch.Data.Conventions;

/// <summary>
/// Marks text that must compare byte for byte: ids (cursor paging orders by id), SIP usernames
/// (the user part is case-sensitive, RFC 3261 §19.1.4), digit prefixes, hashes and idempotency keys.
/// SQLite's default BINARY collation already does this; on SQL Server the column gets
/// <see cref="SqlServerCollation"/> instead of the database's usually case-insensitive default.
/// </summary>
public static class OrdinalText
{
    public const string SqlServerCollation = "Latin1_General_BIN2";

    private const string Annotation = "Softswitch:OrdinalText";

    public static PropertyBuilder<TProperty> IsOrdinalText<TProperty>(this PropertyBuilder<TProperty> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.HasAnnotation(Annotation, true);
    }

    internal static void MarkOrdinal(IMutableProperty property) => property.SetAnnotation(Annotation, true);

    /// <summary>Turns the marker into a collation where the provider needs one, and removes it from the model.</summary>
    internal static void Apply(IMutableModel model, bool useBinaryCollation)
    {
        foreach (var property in model.GetEntityTypes().SelectMany(t => t.GetDeclaredProperties()))
        {
            if (property.FindAnnotation(Annotation) is null)
            {
                continue;
            }

            property.RemoveAnnotation(Annotation);
            if (useBinaryCollation)
            {
                property.SetCollation(SqlServerCollation);
            }
        }
    }
}
