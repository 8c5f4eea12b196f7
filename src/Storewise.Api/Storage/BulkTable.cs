namespace Storewise.Api.Storage;

/// <summary>The table and typed columns a bulk insert of <typeparamref name="T"/> rows writes.</summary>
public sealed record BulkTable<T>(string Name, IReadOnlyList<BulkColumn<T>> Columns)
{
    public string ColumnList => string.Join(", ", Columns.Select(c => c.Name));
}

/// <summary>One column of a bulk insert: its name and how to read it from a row, as integer or text.</summary>
public sealed record BulkColumn<T>(string Name, Func<T, int>? Integer, Func<T, string?>? Text)
{
    public static BulkColumn<T> Int(string name, Func<T, int> value) => new(name, value, null);

    public static BulkColumn<T> String(string name, Func<T, string?> value) => new(name, null, value);
}
