namespace Softswitch.Switch.Billing;

/// <summary>
/// The rate book in force: published whole by the refresher that reads the rate tables, read by the call path.
/// <see cref="IsLoaded"/> stays false until the first load, so a switch started without its rates refuses rated calls
/// instead of letting them through unpriced.
/// </summary>
public sealed class RateBookSource
{
    private volatile RateBook? _book;

    public bool IsLoaded => _book is not null;

    public RateBook Current => _book ?? RateBook.Empty;

    public void Publish(RateBook book) => _book = book ?? throw new ArgumentNullException(nameof(book));
}
