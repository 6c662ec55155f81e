using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

/// <summary>Mapping shared by every <see cref="Entity"/>: the prefixed id key and the version concurrency token.</summary>
public abstract class EntityConfiguration<T> : IEntityTypeConfiguration<T>
    where T : Entity
{
    public void Configure(EntityTypeBuilder<T> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(e => e.Id);

        // "" is "not set yet": the generator then assigns the prefixed id on Add().
        builder.Property(e => e.Id)
            .HasMaxLength(IdGenerator.MaxLength)
            .IsUnicode(false)
            .HasSentinel("")
            .ValueGeneratedOnAdd()
            .HasValueGenerator((_, _) => new EntityIdValueGenerator());

        builder.Property(e => e.Version).IsConcurrencyToken();

        ConfigureEntity(builder);
    }

    protected abstract void ConfigureEntity(EntityTypeBuilder<T> builder);
}
