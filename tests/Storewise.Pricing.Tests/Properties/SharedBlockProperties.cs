using FsCheck;
using FsCheck.Fluent;

namespace Storewise.Pricing.Tests.Properties;

/// <summary>
/// The structures an edit derives by copying only the blocks it touches hold exactly what their plain counterparts
/// hold after the same random sequence of edits (a sorted array, an array, a dictionary), and every earlier version
/// still holds what it held (docs/decisions/0530-edits-share-blocks.md). Sizes reach several blocks, so searches
/// cross block boundaries, blocks split and empty out.
/// </summary>
public sealed class SharedBlockProperties
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(60);

    private static readonly IComparer<Item> ByKeyThenTie = Comparer<Item>.Create(static (left, right) =>
    {
        var byKey = left.Key.CompareTo(right.Key);
        return byKey != 0 ? byKey : left.Tie.CompareTo(right.Tie);
    });

    [Fact]
    public void AChunkedSortedArrayEqualsThePlainSortedArrayAfterRandomEdits() =>
        Check.One(Runs, Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            var keyRange = random.Next(1, 4) switch { 1 => 50, 2 => 5_000, _ => 1_000_000 };
            var tie = 0;
            var plain = Enumerable.Range(0, random.Next(0, 6_000)).Select(_ => new Item(random.Next(keyRange), tie++)).Order(ByKeyThenTie).ToList();
            var chunked = ChunkedSortedArray<Item>.FromSorted([.. plain]);
            for (var step = 0; step < 12; step++)
            {
                var before = plain.ToArray();
                var previous = chunked;
                var removed = plain.OrderBy(_ => random.Next()).Take(random.Next(0, Math.Min(plain.Count, step % 4 == 0 ? 3_000 : 40) + 1)).ToList();
                // Crowded into a narrow range now and then, so one block grows past twice its size and splits.
                var low = random.Next(keyRange);
                var inserted = Enumerable.Range(0, random.Next(0, step % 3 == 0 ? 2_500 : 60))
                    .Select(_ => new Item(random.Next(3) == 0 ? low : random.Next(keyRange), tie++))
                    .ToList();
                chunked = chunked.With(removed, inserted, ByKeyThenTie);
                var gone = removed.ToHashSet(ReferenceEqualityComparer.Instance);
                plain = plain.Where(item => !gone.Contains(item)).Concat(inserted).Order(ByKeyThenTie).ToList();

                Assert.Equal(plain, chunked.ToList());
                Assert.Equal(plain.Count, chunked.Length);
                Assert.Equal(before, previous.ToArray());
                for (var probe = 0; probe < 20 && plain.Count > 0; probe++)
                {
                    var position = random.Next(plain.Count);
                    Assert.Same(plain[position], chunked[position]);
                    var key = random.Next(-1, keyRange + 1);
                    Assert.Equal(plain.Count(item => item.Key < key), chunked.CountBefore(key, static (item, key) => item.Key.CompareTo(key)));
                }
            }
        }));

    [Fact]
    public void AChunkedArrayEqualsThePlainArrayAfterRandomEdits() =>
        Check.One(Runs, Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            var plain = Enumerable.Range(0, random.Next(0, 5_000)).Select(_ => random.NextInt64()).ToList();
            var chunked = ChunkedArray<long>.From([.. plain]);
            for (var step = 0; step < 12; step++)
            {
                var before = plain.ToArray();
                var previous = chunked;
                var editor = chunked.Edit();
                for (var operation = random.Next(0, 30); operation > 0; operation--)
                {
                    if (random.Next(4) == 0)
                    {
                        // Shorter or longer, across block boundaries; what is added starts at default.
                        var length = Math.Max(0, plain.Count + random.Next(-1_500, 1_500));
                        plain = [.. plain.Take(length), .. Enumerable.Repeat(0L, Math.Max(0, length - plain.Count))];
                        editor.Resize(length);
                    }
                    else if (plain.Count > 0)
                    {
                        var index = random.Next(plain.Count);
                        plain[index] = random.NextInt64();
                        editor[index] = plain[index];
                    }

                    Assert.Equal(plain.Count, editor.Length);
                }

                chunked = editor.Build();
                Assert.Equal(plain, chunked.ToList());
                Assert.Equal(plain.Count, chunked.Length);
                Assert.Equal(before, previous.ToArray());
                for (var probe = 0; probe < 20 && plain.Count > 0; probe++)
                {
                    var index = random.Next(plain.Count);
                    Assert.Equal(plain[index], chunked[index]);
                }
            }
        }));

    [Fact]
    public void APagedStringMapEqualsTheDictionaryAfterRandomEdits() =>
        Check.One(Runs, Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            var plain = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = random.Next(0, 4_000); i > 0; i--)
            {
                plain[Key(random)] = random.Next();
            }

            var paged = PagedStringMap<int>.From(plain);
            for (var step = 0; step < 12; step++)
            {
                var before = new Dictionary<string, int>(plain, StringComparer.Ordinal);
                var previous = paged;
                var editor = paged.Edit();
                // Now and then many more keys than the map was sized for, so it spreads over more pages.
                for (var operation = random.Next(0, step % 5 == 0 ? 3_000 : 40); operation > 0; operation--)
                {
                    var key = random.Next(3) == 0 && plain.Count > 0 ? plain.Keys.ElementAt(random.Next(plain.Count)) : Key(random);
                    if (random.Next(3) == 0)
                    {
                        plain.Remove(key);
                        editor.Remove(key);
                    }
                    else
                    {
                        var value = random.Next();
                        plain[key] = value;
                        editor.Set(key, value);
                    }

                    Assert.Equal(plain.TryGetValue(key, out var expected), editor.TryGetValue(key, out var actual));
                    Assert.Equal(expected, actual);
                }

                paged = editor.Build();
                Assert.Equal(plain.Count, paged.Count);
                Assert.Equal(before.Count, previous.Count);
                foreach (var (key, value) in plain)
                {
                    Assert.True(paged.TryGetValue(key, out var found));
                    Assert.Equal(value, found);
                }

                foreach (var (key, value) in before)
                {
                    Assert.True(previous.TryGetValue(key, out var found));
                    Assert.Equal(value, found);
                }

                for (var probe = 0; probe < 50; probe++)
                {
                    var key = Key(random);
                    Assert.Equal(plain.ContainsKey(key), paged.TryGetValue(key, out _));
                }
            }
        }));

    // Short keys collide in their pages often; some differ from others in case only.
    private static string Key(Random random) =>
        (random.Next(2) == 0 ? "p" : "P") + random.Next(random.Next(2) == 0 ? 500 : 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Item(int Key, int Tie);
}
