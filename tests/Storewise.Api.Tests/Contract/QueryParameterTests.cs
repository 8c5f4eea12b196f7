using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Storewise.Api.Tests.Hostile;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Contract;

/// <summary>
/// Every documented query parameter is the one the handler reads: for each constraint the document states (type,
/// minimum, maximum, pattern, closed set of values) a value that breaks it gets a 400 whose message names the
/// parameter, while a valid request of the same route succeeds. Parameters are read from the document, so a
/// route added later is covered too; together with <see cref="QueryReadRecorder"/> (which fails a test whose
/// handler reads an undocumented parameter), the document and the handlers agree on the query.
/// </summary>
public abstract class QueryParameterTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_value_that_breaks_a_documented_constraint_is_a_400_that_names_the_parameter()
    {
        var seeded = await SeededTenant.CreateAsync(fixture);
        using var client = fixture.Client(seeded.Tenant);
        var failures = new List<string>();
        var checkedValues = 0;
        foreach (var (operation, parameters) in await OperationsWithQueryAsync())
        {
            var valid = Query(parameters, except: null);
            var answer = await SendAsync(client, seeded, operation, valid);
            if (answer.Status is < 200 or >= 300)
            {
                failures.Add($"{operation.Name}?{valid}: the valid query answered {answer.Status}: {answer.Excerpt}");
                continue;
            }

            foreach (var parameter in parameters)
            {
                foreach (var bad in BadValues(parameter))
                {
                    checkedValues++;
                    // The other required parameters keep valid values; this one is sent once, with the bad value.
                    var query = string.Join('&', new[] { Query(parameters, except: parameter), $"{Name(parameter)}={Uri.EscapeDataString(bad)}" }.Where(q => q.Length > 0));
                    answer = await SendAsync(client, seeded, operation, query);
                    var name = (string)parameter["name"]!;
                    if (answer.Status != 400 || answer.Message?.Contains(name.TrimEnd('[', ']'), StringComparison.Ordinal) != true)
                    {
                        failures.Add($"{operation.Name}?{query}: expected a 400 naming '{name}', got {answer.Status}: {answer.Excerpt}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedValues >= 25, $"only {checkedValues} bad values sent");
    }

    private async Task<List<(ApiOperation Operation, List<JsonObject> Parameters)>> OperationsWithQueryAsync()
    {
        var paths = fixture.Contract.Document["paths"]!.AsObject();
        return (await ApiRoutes.ReadAsync(fixture))
            .Select(o => (Operation: o, Parameters: (paths[o.Template]![o.Method.ToLowerInvariant()]!["parameters"] as JsonArray ?? [])
                .Select(p => p!.AsObject())
                .Where(p => (string?)p["in"] == "query")
                .ToList()))
            .Where(o => o.Parameters.Count > 0)
            .ToList();
    }

    private static async Task<HostileAnswer> SendAsync(HttpClient client, SeededTenant seeded, ApiOperation operation, string query)
    {
        var sample = await seeded.SampleAsync(operation);
        var url = operation.Url(sample.PathValue, query.Length > 0 ? "?" + query : "");
        return await HostileRequestSender.SendAsync(client, operation.Method, url, sample.Body is null ? null : HostileInputs.Utf8(sample.Body.ToJsonString()), "application/json");
    }

    /// <summary>The required parameters with valid values, leaving out <paramref name="except"/>.</summary>
    private static string Query(IEnumerable<JsonObject> parameters, JsonObject? except) =>
        string.Join('&', parameters.Where(p => (bool?)p["required"] == true && !ReferenceEquals(p, except)).Select(p => $"{Name(p)}={ValidValue(p)}"));

    private static string Name(JsonObject parameter) => Uri.EscapeDataString((string)parameter["name"]!);

    private static string ValidValue(JsonObject parameter) => (string?)parameter["schema"]!["type"] switch
    {
        "integer" => ((int?)parameter["schema"]!["minimum"] ?? 1).ToString(CultureInfo.InvariantCulture),
        "boolean" => "true",
        var type => throw new InvalidOperationException($"no valid value known for the required {type} parameter {parameter["name"]}: add one here"),
    };

    /// <summary>Values that break what the schema states; none for free text.</summary>
    private static IEnumerable<string> BadValues(JsonObject parameter)
    {
        var schema = parameter["schema"]!.AsObject();
        var value = (string?)schema["type"] == "array" ? schema["items"]!.AsObject() : schema;
        switch ((string?)value["type"])
        {
            case "integer":
                yield return "x";
                yield return "1.5";
                if ((int?)value["minimum"] is { } minimum)
                {
                    yield return (minimum - 1).ToString(CultureInfo.InvariantCulture);
                }

                if ((int?)value["maximum"] is { } maximum)
                {
                    yield return (maximum + 1).ToString(CultureInfo.InvariantCulture);
                }

                break;
            case "boolean":
                yield return "maybe";
                break;
            case "string" when value["enum"] is JsonArray values:
                const string unknown = "NotOneOfThem";
                Assert.DoesNotContain(unknown, values.Select(v => (string?)v));
                yield return unknown;
                break;
            case "string" when (string?)value["pattern"] is { } pattern:
                const string shapeless = "2023-09-03 10:00";
                Assert.DoesNotMatch(new Regex(pattern, RegexOptions.CultureInvariant), shapeless);
                yield return shapeless;
                break;
        }
    }
}

public sealed class QueryParameterSqliteTests(SqliteApiFixture fixture) : QueryParameterTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class QueryParameterPostgresTests(PostgresApiFixture fixture) : QueryParameterTests(fixture), IClassFixture<PostgresApiFixture>;
