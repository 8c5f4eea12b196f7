using System.Net.Http.Headers;
using Storewise.Sample;

// usage: Storewise.Sample <base-url> <token>   (a token from: dotnet run --project src/Storewise.Api -- token --tenant T)
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Storewise.Sample <base-url> <token>");
    return 2;
}

using var http = new HttpClient { BaseAddress = new Uri(args[0]) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", args[1]);
var outcome = await FirstSession.RunAsync(http);
Console.WriteLine(outcome);
return 0;
