namespace Storewise.Api.Storage;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
