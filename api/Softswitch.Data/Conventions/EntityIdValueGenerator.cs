using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.ValueGeneration;
using Softswitch.Domain;

namespace Softswitch.Data.Conventions;

/// <summary>
/// Gives an entity its prefixed id when it is added to the context (not at save), so several new
/// rows can be tracked at once and the caller can use the id (e.g. for a Location header) right away.
/// </summary>
internal sealed class EntityIdValueGenerator : ValueGenerator<string>
{
    public override bool GeneratesTemporaryValues => false;

    public override string Next(EntityEntry entry)
    {
        var now = entry.Context is SoftswitchDbContext context ? context.Clock.GetUtcNow() : DateTimeOffset.UtcNow;
        return IdGenerator.New(IdPrefix.For((Entity)entry.Entity), now);
    }
}
