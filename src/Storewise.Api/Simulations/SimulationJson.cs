using System.Text.Json.Serialization;

namespace Storewise.Api.Simulations;

/// <summary>Source-generated serializer of what a simulation job stores: its request and its running totals.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SimulationRequest))]
[JsonSerializable(typeof(SimulationTally))]
public sealed partial class SimulationJson : JsonSerializerContext;
