using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Storewise.Api.Tests.Infrastructure;

/// <summary>
/// Test host only: records every query parameter the request pipeline looks up by name (a handler's own
/// <c>Query["x"]</c> as well as the framework's parameter binding) and names them in the answer header
/// <see cref="Header"/>, so <see cref="AnswerValidatingHandler"/> can fail a request whose handler reads a
/// parameter the OpenAPI document does not list. Enumerating the query (to copy it into paging links) is not a read.
/// </summary>
public sealed class QueryReadRecorder : IStartupFilter
{
    public const string Header = "X-Test-Query-Read";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var reads = new SortedSet<string>(StringComparer.Ordinal);
            var inner = context.Features.Get<IQueryFeature>() ?? new QueryFeature(context.Features);
            context.Features.Set<IQueryFeature>(new RecordingQueryFeature(inner, reads));
            context.Response.OnStarting(() =>
            {
                lock (reads)
                {
                    if (reads.Count > 0)
                    {
                        context.Response.Headers[Header] = string.Join(',', reads.Select(Uri.EscapeDataString));
                    }
                }

                return Task.CompletedTask;
            });
            await nextMiddleware(context);
        });
        next(app);
    };

    private sealed class RecordingQueryFeature(IQueryFeature inner, SortedSet<string> reads) : IQueryFeature
    {
        public IQueryCollection Query
        {
            get => new RecordingQueryCollection(inner.Query, reads);
            set => inner.Query = value;
        }
    }

    private sealed class RecordingQueryCollection(IQueryCollection inner, SortedSet<string> reads) : IQueryCollection
    {
        public StringValues this[string key]
        {
            get
            {
                Record(key);
                return inner[key];
            }
        }

        public int Count => inner.Count;

        public ICollection<string> Keys => inner.Keys;

        public bool ContainsKey(string key)
        {
            Record(key);
            return inner.ContainsKey(key);
        }

        public bool TryGetValue(string key, out StringValues value)
        {
            Record(key);
            return inner.TryGetValue(key, out value);
        }

        public IEnumerator<KeyValuePair<string, StringValues>> GetEnumerator() => inner.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private void Record(string key)
        {
            lock (reads)
            {
                reads.Add(key);
            }
        }
    }
}
