using System.Text.Json;
using System.Text.Json.Serialization;

namespace Storewise.Api.Offers;

/// <summary>Stores a <see cref="ValidityTime"/> as the text that was sent, which is all it is made from.</summary>
public sealed class ValidityTimeJsonConverter : JsonConverter<ValidityTime>
{
    public override ValidityTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ValidityTime.TryParse(reader.TokenType == JsonTokenType.String ? reader.GetString() : null, out var time) ? time : throw new JsonException("invalid stored validity time");

    public override void Write(Utf8JsonWriter writer, ValidityTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Text);
}
