using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Softswitch.Data.Conventions;

/// <summary>
/// All stored times are UTC. Neither provider keeps <see cref="DateTimeKind"/>, so values read back are
/// marked UTC, and local times written by mistake are converted rather than stored with a silent offset.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    stored => DateTime.SpecifyKind(stored, DateTimeKind.Utc));
