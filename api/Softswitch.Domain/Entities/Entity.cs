namespace Softswitch.Domain;

/// <summary>
/// A stored row with a prefixed, time-sortable id (see <see cref="IdGenerator"/>) and an
/// optimistic-concurrency <see cref="Version"/> that the API exposes as the ETag.
/// </summary>
/// <remarks>
/// Id, timestamps and version are assigned by the data layer on save; code that creates an entity
/// may leave them at their defaults. All <see cref="DateTime"/> values are UTC.
/// </remarks>
public abstract class Entity
{
    public string Id { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Starts at 1 and grows by one on every saved modification.</summary>
    public long Version { get; set; }
}
