namespace Softswitch.Domain;

/// <summary>
/// The numbers of one <see cref="NumberList"/> (same id): <see cref="NumberKey"/> values sorted ascending, 8 bytes
/// each, little-endian. One row per list, so a list of a million numbers is read and written as one 8 MB value.
/// </summary>
public class NumberListContent : TenantEntity
{
    public byte[] Numbers { get; set; } = [];
}
