using System.Text.Json.Serialization;

namespace Storewise.Api.Offers;

/// <summary>
/// Source-generated serializer for stored offers. Nullable annotations and constructor parameters are
/// enforced, so a document that is not an offer fails to read instead of producing a half-filled model.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(ValidityTimeJsonConverter)])]
[JsonSerializable(typeof(StoredOffer))]
public sealed partial class OfferJsonContext : JsonSerializerContext;
