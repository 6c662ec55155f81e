using Microsoft.EntityFrameworkCore;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.NumberLists;

/// <summary>
/// Changes a list's numbers: the list row and its <see cref="NumberListContent"/> are saved together, the list's
/// <see cref="NumberList.ContentVersion"/> moves (so the switch reloads it) and both rows' versions guard against a
/// concurrent change (409). The tenant's numbers over all its lists stay within <c>MaxNumbersPerTenant</c>.
/// </summary>
public sealed class NumberListEditor(SoftswitchDbContext db, int maxNumbersPerTenant)
{
    public async Task<ulong[]> ReadAsync(NumberList list, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        var bytes = await db.NumberListContents.Where(c => c.Id == list.Id).Select(c => c.Numbers).SingleOrDefaultAsync(cancellationToken);
        return bytes is null ? [] : NumberKey.FromBytes(bytes);
    }

    /// <summary>How many numbers the tenant's other lists hold, and so how many this one may.</summary>
    public async Task<int> RoomForAsync(NumberList list, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        var others = await db.NumberLists.Where(l => l.Id != list.Id).SumAsync(l => (long)l.NumberCount, cancellationToken);
        return (int)Math.Max(0, maxNumbersPerTenant - others);
    }

    /// <summary>Stores <paramref name="sortedKeys"/> (ascending, distinct) as the list's numbers.</summary>
    public async Task SaveAsync(NumberList list, ulong[] sortedKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(sortedKeys);
        var content = await db.NumberListContents.SingleOrDefaultAsync(c => c.Id == list.Id, cancellationToken);
        if (content is null)
        {
            content = new NumberListContent { Id = list.Id };
            db.NumberListContents.Add(content);
        }

        content.Numbers = NumberKey.ToBytes(sortedKeys);
        list.NumberCount = sortedKeys.Length;
        list.ContentVersion++;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The union of two key sets, sorted and distinct.</summary>
    public static ulong[] Merge(ulong[] existing, IEnumerable<ulong> added) => [.. existing.Concat(added).Distinct().Order()];
}
