using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using FsCheck;
using FsCheck.Fluent;
using Storewise.Api.Codes;
using Storewise.Api.Tests.Imports;
using Storewise.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Storewise.Api.Tests.Hostile;

/// <summary>
/// Issue 9: every route of the OpenAPI document gets generated hostile input (mutations of a valid body,
/// structural junk, oversized bodies, hostile path values and queries, hostile CSV files). Every answer must be
/// a 2xx (the mutation happened to be valid) or a 4xx the route documents, as a JSON error with a message, and
/// a 4xx must leave every table exactly as it was. Set STOREWISE_HOSTILE_SEED to replay a run and
/// STOREWISE_HOSTILE_COUNT to change the number of generated inputs per route.
/// </summary>
public abstract class HostileInputTests(ApiFixture fixture, ITestOutputHelper output)
{
    private static readonly int Seed = EnvironmentInt("STOREWISE_HOSTILE_SEED", 20261122);
    private static readonly int PerRoute = EnvironmentInt("STOREWISE_HOSTILE_COUNT", 100);

    [Fact]
    public async Task Every_route_answers_generated_hostile_input_with_a_documented_json_4xx_and_keeps_the_data_unchanged()
    {
        var routes = await ApiRoutes.ReadAsync(fixture);
        Assert.True(routes.Count >= 25, $"the OpenAPI document lists only {routes.Count} operations");
        var seeded = await SeededTenant.CreateAsync(fixture);
        using var client = fixture.Client(seeded.Tenant);
        var failures = new List<string>();
        var reports = new List<RouteReport>();
        var baseline = await DataFingerprint.TakeAsync(fixture);

        foreach (var operation in routes)
        {
            var report = new RouteReport(operation.Name);
            reports.Add(report);
            foreach (var input in Inputs(operation))
            {
                var sample = await seeded.SampleAsync(operation);
                var url = operation.Url(name => input.PathValue ?? sample.PathValue(name), input.Query.Length > 0 ? input.Query : operation.Method == "GET" ? "?count=10&page=1" : "");
                var answer = await HostileRequestSender.SendAsync(client, operation.Method, url, input.Body(sample.Body), input.ContentType, input.Chunked);
                report.Count(answer.Status, answer.Message);
                var problem = Judge(operation, answer);
                if (answer.Status is >= 400 and < 500)
                {
                    var after = await DataFingerprint.TakeAsync(fixture);
                    if (after != baseline)
                    {
                        report.Changed++;
                        problem ??= "rejected request changed stored data";
                        baseline = after;
                    }
                }
                else if (answer.Status is >= 200 and < 300)
                {
                    if (operation.IsMultipart)
                    {
                        problem ??= await CheckImportAsync(client, seeded, answer);
                    }
                    else if (operation.Name == "POST /v0/promotions/simulations")
                    {
                        // A started simulation runs in the background: let it finish before the next baseline.
                        await seeded.WaitUntilSettledAsync((string)JsonNode.Parse(answer.Text)!["id"]!);
                    }

                    baseline = await DataFingerprint.TakeAsync(fixture);
                }

                if (problem is not null)
                {
                    failures.Add($"{operation.Name} [{input.Kind}] {url[..Math.Min(url.Length, 120)]} → {answer.Status} {answer.MediaType}: {problem}: {answer.Excerpt}");
                }
            }
        }

        output.WriteLine($"Hostile input on {fixture.Provider} (seed {Seed}, {PerRoute} generated inputs per route plus fixed oversize cases)");
        output.WriteLine($"{"route",-66} {"inputs",6} {"2xx",5} {"4xx",5} {"5xx",5} {"4xx that changed data",22}");
        foreach (var r in reports)
        {
            output.WriteLine($"{r.Route,-66} {r.Inputs,6} {r.Success,5} {r.ClientErrors,5} {r.ServerErrors,5} {r.Changed,22}");
        }

        output.WriteLine($"{"total",-66} {reports.Sum(r => r.Inputs),6} {reports.Sum(r => r.Success),5} {reports.Sum(r => r.ClientErrors),5} {reports.Sum(r => r.ServerErrors),5} {reports.Sum(r => r.Changed),22}");
        output.WriteLine("");
        output.WriteLine("Most frequent error messages per route:");
        foreach (var r in reports)
        {
            output.WriteLine($"{r.Route}: " + string.Join(" | ", r.Messages.OrderByDescending(m => m.Value).Take(4).Select(m => $"{m.Value}× {m.Key}")));
        }

        foreach (var failure in failures.Take(40))
        {
            output.WriteLine(failure);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} bad answers (seed {Seed}); first ones:\n" + string.Join("\n", failures.Take(15)));
    }

    /// <summary>Why the answer is unacceptable, or null when it is fine.</summary>
    private static string? Judge(ApiOperation operation, HostileAnswer answer)
    {
        if (answer.Status >= 500)
        {
            return "server error";
        }

        if (answer.Status < 200 || answer.Status is >= 300 and < 400)
        {
            return "unexpected status";
        }

        if (answer.Status < 300)
        {
            return null;
        }

        if (!operation.Documents(answer.Status))
        {
            return $"status {answer.Status} is not documented for this route";
        }

        if (!answer.IsJson)
        {
            return "error is not JSON";
        }

        return string.IsNullOrWhiteSpace(answer.Message) ? "error has no message" : null;
    }

    /// <summary>An accepted import must end (never stuck) and store no invalid code.</summary>
    private async Task<string?> CheckImportAsync(HttpClient client, SeededTenant seeded, HostileAnswer answer)
    {
        var id = (string?)JsonNode.Parse(answer.Text)?["codesImport"]?["id"];
        if (id is null)
        {
            return "202 without an import id";
        }

        var ended = await client.WaitUntilEndedAsync(seeded.CouponId, id);
        if ((string?)ended["status"] is not "COMPLETED")
        {
            return $"import ended {(string?)ended["status"]}";
        }

        await using var connection = await fixture.Database.OpenAsync();
        var codes = await connection.QueryAsync<string>("SELECT code FROM coupon_codes WHERE tenant = @tenant", new { tenant = seeded.Tenant });
        var invalid = codes.Where(c => CodeText.Problem(c) is not null).ToList();
        return invalid.Count == 0 ? null : $"invalid codes stored: {string.Join(", ", invalid.Take(3))}";
    }

    private static IEnumerable<HostileInput> Inputs(ApiOperation operation)
    {
        var random = new Rnd((ulong)(Seed ^ StableHash(operation.Name)));
        var hasPath = operation.PathParameters.Count > 0;
        if (operation.IsMultipart)
        {
            foreach (var (kind, csv) in HostileInputs.Csv().Sample(PerRoute / 2, random, 30))
            {
                var (body, type) = HostileRequestSender.Multipart(csv);
                yield return new HostileInput("csv: " + kind, _ => body, type);
            }

            foreach (var input in HostileInputs.ForBodiless(hasPath, sendsBody: true).Sample(PerRoute / 2, random, 30))
            {
                yield return input;
            }

            var (wrongPart, wrongPartType) = HostileRequestSender.Multipart(Encoding.UTF8.GetBytes("CODE-1\n"), part: "file");
            yield return new HostileInput("multipart without an import part", _ => wrongPart, wrongPartType);
            yield return new HostileInput("multipart without a boundary", _ => wrongPart, "multipart/form-data");
            yield break;
        }

        if (!operation.HasJsonBody)
        {
            foreach (var input in HostileInputs.ForBodiless(hasPath, sendsBody: operation.Method != "GET").Sample(PerRoute, random, 30))
            {
                yield return input;
            }

            yield break;
        }

        foreach (var input in HostileInputs.ForJsonBody(hasPath).Sample(PerRoute, random, 30))
        {
            yield return input;
        }

        var tenMegabytes = HostileInputs.Utf8("{\"padding\":\"" + new string('x', HostileInputs.TenMegabytes) + "\"}");
        yield return new HostileInput("10 MB body", _ => tenMegabytes);
        yield return new HostileInput("10 MB body, chunked", _ => tenMegabytes) { Chunked = true };
        if (operation.Template == "/v0/promotions/cart")
        {
            yield return new HostileInput("100,000-line cart", sample => HostileInputs.Utf8(Cart(sample, 100_000)));
            yield return new HostileInput("100,000-line cart, chunked", sample => HostileInputs.Utf8(Cart(sample, 100_000))) { Chunked = true };
            yield return new HostileInput("1,001-line cart", sample => HostileInputs.Utf8(Cart(sample, 1_001)));
        }
    }

    private static string Cart(JsonNode? sample, int lines)
    {
        var cart = sample!.DeepClone().AsObject();
        cart["items"] = new JsonArray(Enumerable.Range(0, lines)
            .Select(i => (JsonNode)new JsonObject { ["id"] = $"l{i}", ["productId"] = $"p{i % 50}", ["quantity"] = 1, ["price"] = 1.5m })
            .ToArray());
        return cart.ToJsonString();
    }

    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }

    private static int EnvironmentInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private sealed class RouteReport(string route)
    {
        public string Route { get; } = route;

        public int Inputs { get; private set; }

        public int Success { get; private set; }

        public int ClientErrors { get; private set; }

        public int ServerErrors { get; private set; }

        public int Changed { get; set; }

        public Dictionary<string, int> Messages { get; } = [];

        public void Count(int status, string? message)
        {
            if (message is not null && status >= 400)
            {
                var key = message.Length <= 90 ? message : message[..90] + "…";
                Messages[key] = Messages.GetValueOrDefault(key) + 1;
            }

            Inputs++;
            if (status >= 500)
            {
                ServerErrors++;
            }
            else if (status >= 400)
            {
                ClientErrors++;
            }
            else
            {
                Success++;
            }
        }
    }
}

public sealed class HostileInputSqliteTests(SqliteApiFixture fixture, ITestOutputHelper output)
    : HostileInputTests(fixture, output), IClassFixture<SqliteApiFixture>;

public sealed class HostileInputPostgresTests(PostgresApiFixture fixture, ITestOutputHelper output)
    : HostileInputTests(fixture, output), IClassFixture<PostgresApiFixture>;
