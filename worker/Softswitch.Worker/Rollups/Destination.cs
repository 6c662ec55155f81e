namespace Softswitch.Worker.Rollups;

/// <summary>A called number's country (ISO 3166-1 alpha-2, "" when unknown) and number type (snake_case, e.g. <c>mobile</c>).</summary>
public readonly record struct Destination(string Country, string NumberType);
