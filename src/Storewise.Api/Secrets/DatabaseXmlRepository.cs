using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Storewise.Api.Storage;

namespace Storewise.Api.Secrets;

/// <summary>
/// Keeps the Data Protection key ring in the <c>data_protection_keys</c> table, so every instance on one
/// database reads the same keys and can decrypt what another instance encrypted.
/// </summary>
public sealed class DatabaseXmlRepository(Database database, TimeProvider clock) : IXmlRepository
{
    // The interface is synchronous; it is called when the key ring is (re)loaded or a key is created,
    // which happens at start and about once a day, so blocking here is acceptable.
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        return connection
            .Query<string>("SELECT xml FROM data_protection_keys ORDER BY created_at, friendly_name")
            .Select(xml => XElement.Parse(xml))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        connection.Execute(
            """
            INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@friendlyName, @xml, @createdAt)
            ON CONFLICT (friendly_name) DO NOTHING
            """,
            new
            {
                friendlyName,
                xml = element.ToString(SaveOptions.DisableFormatting),
                createdAt = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            });
    }
}
