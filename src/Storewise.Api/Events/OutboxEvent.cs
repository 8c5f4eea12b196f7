using System.Text.Json;
using System.Text.Json.Nodes;
using Storewise.Api.Common;

namespace Storewise.Api.Events;

/// <summary>
/// Something that happened to a tenant's resource, as subscribers receive it: <see cref="Data"/> is the resource as
/// the API shows it (never a secret). Events of one subject (the type's resource kind and <see cref="SubjectId"/>)
/// are delivered in the order they were committed.
/// </summary>
public sealed record OutboxEvent(string Id, string Type, string Tenant, string SubjectId, DateTimeOffset OccurredAt, JsonNode Data)
{
    private static readonly JsonSerializerOptions DataJson = new(JsonSerializerDefaults.Web);

    /// <summary>The ordering key: a code and an order may share an id, so the resource kind is part of it.</summary>
    public string Subject => $"{Type[..Type.IndexOf('.', StringComparison.Ordinal)]}:{SubjectId}";

    public static OutboxEvent Create<T>(string type, string tenant, string subjectId, DateTimeOffset occurredAt, T data) =>
        new($"evt_{Guid.CreateVersion7(occurredAt):N}", type, tenant, subjectId, occurredAt, data as JsonNode ?? JsonSerializer.SerializeToNode(data, DataJson)!);

    /// <summary>The body every receiver gets (docs/events.md): the same bytes on every attempt.</summary>
    public string ToPayload() =>
        new JsonObject
        {
            ["id"] = Id,
            ["type"] = Type,
            ["timestamp"] = OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["tenant"] = Tenant,
            ["subjectId"] = SubjectId,
            ["data"] = Data.DeepClone(),
        }.ToJsonString();

    /// <summary>Unix milliseconds, as storage keeps times.</summary>
    public long OccurredAtMs => Timestamps.ToUnixMs(OccurredAt);
}
