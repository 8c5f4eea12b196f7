using System.Buffers;
using System.Text;
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
    /// <remarks>Written straight from <see cref="Data"/>: the bytes a <see cref="JsonObject"/> of these members would give, without copying the data into it.</remarks>
    public string ToPayload()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", Id);
            writer.WriteString("type", Type);
            writer.WriteString("timestamp", OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("tenant", Tenant);
            writer.WriteString("subjectId", SubjectId);
            writer.WritePropertyName("data");
            Data.WriteTo(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Unix milliseconds, as storage keeps times.</summary>
    public long OccurredAtMs => Timestamps.ToUnixMs(OccurredAt);
}
