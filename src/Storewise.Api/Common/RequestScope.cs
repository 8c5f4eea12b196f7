using System.Collections;

namespace Storewise.Api.Common;

/// <summary>
/// The log scope of one request: its id as the single <c>RequestId</c> value. A dictionary per request did the same
/// with its buckets and entries; scope readers (structured formatters, exporters) see the same key and value.
/// </summary>
public sealed class RequestScope(string requestId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string Key = "RequestId";

    public string RequestId { get; } = requestId;

    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new(Key, RequestId) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{Key}:{RequestId}";
}
