namespace Storewise.BackOffice.Forms;

/// <summary>How a field of a request schema is drawn and read.</summary>
public enum FieldKind
{
    /// <summary>A string: a text input.</summary>
    Text,

    /// <summary>A number: a decimal input.</summary>
    Number,

    /// <summary>An integer: a whole-number input.</summary>
    Integer,

    /// <summary>A boolean: a select of unset, yes and no (the request's booleans are optional).</summary>
    Boolean,

    /// <summary>An enum: a select of its values.</summary>
    Choice,

    /// <summary>An array of strings, numbers or enum values: a text area, one per line.</summary>
    TextList,

    /// <summary>An object with properties: a fieldset of its fields.</summary>
    Object,

    /// <summary>An array of objects: rows that can be added and removed.</summary>
    ObjectList,

    /// <summary>An object of free keys (<c>additionalProperties</c>): key and value rows.</summary>
    Map,

    /// <summary>Any JSON (an empty schema, or a union the form cannot draw): a JSON text area.</summary>
    Json,
}
