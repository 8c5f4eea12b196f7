namespace Storewise.BackOffice.Forms;

/// <summary>
/// A request schema of the API contract, reduced to what a form needs: its kind, whether null is allowed, its help
/// text, its properties (objects), its item or value shape (arrays and maps) and its choices (enums).
/// </summary>
public sealed record SchemaShape(
    FieldKind Kind,
    bool Nullable,
    string? Description,
    IReadOnlyList<SchemaProperty> Properties,
    SchemaShape? Items,
    IReadOnlyList<string> Choices)
{
    public static SchemaShape Json(string? description) => new(FieldKind.Json, true, description, [], null, []);
}

/// <summary>One property of an object schema, in the contract's order.</summary>
public sealed record SchemaProperty(string Name, SchemaShape Shape, bool Required);
