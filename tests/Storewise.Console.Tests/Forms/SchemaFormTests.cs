using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Storewise.BackOffice.Api;
using Storewise.BackOffice.Forms;

namespace Storewise.BackOffice.Tests.Forms;

/// <summary>
/// Forms drawn from the API contract: every construct the request schemas use is read, a field added to a request
/// appears without a console change, and an API error lands on the field it names, nested paths included.
/// </summary>
public sealed class SchemaFormTests
{
    // A request schema of the shape other changes give the offer request (tiers of objects, an enum, a nullable
    // nested object, a free-key map, an any-JSON member), in the contract's own notation.
    private const string Document = """
        {
          "paths": {
            "/v0/things": { "post": { "operationId": "CreateThing", "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ThingRequest" } } } } } }
          },
          "components": { "schemas": {
            "ThingRequest": { "type": "object", "properties": {
              "name": { "type": ["null", "string"], "description": "The thing's name." },
              "priority": { "type": ["null", "integer"], "format": "int32" },
              "stackingGroup": { "enum": ["none", "group-a"] },
              "channelTypes": { "type": ["null", "array"], "items": { "type": "string" } },
              "tiers": { "type": ["null", "array"], "items": { "$ref": "#/components/schemas/Tier" } },
              "schedule": { "oneOf": [ { "type": "null" }, { "$ref": "#/components/schemas/Schedule" } ] },
              "attributes": { "type": ["null", "object"], "additionalProperties": { "type": "string" } },
              "category": { "$ref": "#/components/schemas/JsonNode" },
              "enabled": { "type": ["null", "boolean"] }
            } },
            "Tier": { "type": "object", "properties": { "minimumCartValue": { "type": ["null", "number"] }, "discount": { "type": ["null", "number"] } } },
            "Schedule": { "type": "object", "properties": { "days": { "type": ["null", "array"], "items": { "type": "string" } }, "from": { "type": ["null", "string"] } } },
            "JsonNode": {}
          } }
        }
        """;

    private static readonly SchemaShape Thing = new ApiContract(JsonNode.Parse(Document)!.AsObject()).RequestBody("CreateThing");

    [Fact]
    public void Every_construct_of_a_request_schema_gets_its_kind_of_input()
    {
        var kinds = Thing.Properties.ToDictionary(p => p.Name, p => p.Shape.Kind);
        Assert.Equal(FieldKind.Text, kinds["name"]);
        Assert.Equal(FieldKind.Integer, kinds["priority"]);
        Assert.Equal(FieldKind.Choice, kinds["stackingGroup"]);
        Assert.Equal(FieldKind.TextList, kinds["channelTypes"]);
        Assert.Equal(FieldKind.ObjectList, kinds["tiers"]);
        Assert.Equal(FieldKind.Object, kinds["schedule"]);
        Assert.Equal(FieldKind.Map, kinds["attributes"]);
        Assert.Equal(FieldKind.Json, kinds["category"]);
        Assert.Equal(FieldKind.Boolean, kinds["enabled"]);
        Assert.True(Thing.Properties.Single(p => p.Name == "schedule").Shape.Nullable);
        Assert.Equal("The thing's name.", Thing.Properties.Single(p => p.Name == "name").Shape.Description);
        Assert.Equal(["none", "group-a"], Thing.Properties.Single(p => p.Name == "stackingGroup").Shape.Choices);
    }

    [Fact]
    public void The_embedded_contract_draws_every_field_of_the_offer_request()
    {
        var contract = ApiContract.Embedded();
        var offer = contract.RequestBody("CreatePromotion");
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "openapi.json")))!;
        var declared = document["components"]!["schemas"]!["OfferRequest"]!["properties"]!.AsObject().Select(p => p.Key);
        Assert.Equal(declared, offer.Properties.Select(p => p.Name));
        Assert.Equal(FieldKind.ObjectList, offer.Properties.Single(p => p.Name == "currencies").Shape.Kind);
        Assert.Equal(FieldKind.Object, offer.Properties.Single(p => p.Name == "segment").Shape.Kind);
        Assert.Contains("CartLevelPercentage", contract.QueryChoices("ListPromotions", "kind[]"));
        Assert.Equal(FieldKind.Map, contract.RequestBody("PriceCart").Properties.Single(p => p.Name == "customerAttributes").Shape.Kind);
    }

    [Fact]
    public void An_error_on_a_nested_path_lands_on_that_input_and_one_inside_a_free_field_on_the_field()
    {
        var value = JsonNode.Parse("""{"name":"x","tiers":[{"minimumCartValue":10},{"minimumCartValue":5}],"category":{"kind":"K"}}""")!.AsObject();
        var answer = new ApiAnswer(400, JsonNode.Parse("""
            {"message":"tiers[1].minimumCartValue: must be above the previous tier","status":400,"causes":[
              "tiers[1].minimumCartValue: must be above the previous tier",
              "category.discount: is required",
              "tiers[4]: there is no such tier",
              "body: is not valid JSON"]}
            """));
        var model = FormBuilder.Build(Thing, value, FieldErrors.From(answer));
        var fields = model.Fields.SelectMany(f => f.SelfAndDescendants()).ToDictionary(f => f.Path);

        Assert.Equal(["must be above the previous tier"], fields["tiers[1].minimumCartValue"].Errors);
        Assert.Equal("f-tiers-1--minimumCartValue", fields["tiers[1].minimumCartValue"].InputId);
        Assert.Empty(fields["tiers[0].minimumCartValue"].Errors);
        Assert.Equal(["category.discount: is required"], fields["category"].Errors);
        Assert.Equal(["tiers[4]: there is no such tier"], fields["tiers"].Errors);
        Assert.Equal(["body: is not valid JSON"], model.FormErrors);
    }

    [Fact]
    public void A_posted_form_reads_back_into_the_JSON_it_was_drawn_from()
    {
        var form = new FormCollection(new Dictionary<string, StringValues>
        {
            ["f.name"] = "Spring",
            ["f.priority"] = "3",
            ["f.stackingGroup"] = "group-a",
            ["f.channelTypes"] = "web\r\n\r\nstore",
            ["f.tiers#rows"] = "2",
            ["f.tiers[0].minimumCartValue"] = "10.5",
            ["f.tiers[1].minimumCartValue"] = "ten",
            ["f.schedule.from"] = "",
            ["f.schedule.days#rows"] = "0",
            ["f.attributes#rows"] = "2",
            ["f.attributes[0]#key"] = "type",
            ["f.attributes[0]#value"] = "gold",
            ["f.attributes[1]#key"] = "",
            ["f.category"] = """{"kind": "K", "discount": 10}""",
            ["f.enabled"] = "false",
        });
        var body = FormReader.Read(Thing, form);
        Assert.Equal(
            """{"name":"Spring","priority":3,"stackingGroup":"group-a","channelTypes":["web","store"],"tiers":[{"minimumCartValue":10.5},{"minimumCartValue":"ten"}],"attributes":{"type":"gold"},"category":{"kind":"K","discount":10},"enabled":false}""",
            body.ToJsonString());
    }

    [Fact]
    public void An_empty_list_inside_an_object_is_left_out_but_a_top_level_one_is_sent_to_clear_the_list()
    {
        var form = new FormCollection(new Dictionary<string, StringValues>
        {
            ["f.channelTypes"] = "",
            ["f.schedule.days"] = " \n ",
            ["f.schedule.from"] = "17:00",
        });
        var body = FormReader.Read(Thing, form);
        Assert.Equal("""{"channelTypes":[],"schedule":{"from":"17:00"}}""", body.ToJsonString());
    }

    [Fact]
    public void Rows_are_added_and_removed_at_nested_paths()
    {
        var body = JsonNode.Parse("""{"tiers":[{"discount":1},{"discount":2},{"discount":3}]}""")!.AsObject();
        Assert.True(RowAction.TryApply(RowAction.Remove("tiers[1]"), body));
        Assert.True(RowAction.TryApply(RowAction.Add("tiers"), body));
        Assert.True(RowAction.TryApply(RowAction.Add("schedule.days"), body));
        Assert.Equal("""{"tiers":[{"discount":1},{"discount":3},{}],"schedule":{"days":[{}]}}""", body.ToJsonString());
        Assert.False(RowAction.TryApply("", body));
    }

    [Theory]
    [InlineData("minimumCartValue", "Minimum cart value")]
    [InlineData("session_update_url", "Session update url")]
    [InlineData("name", "Name")]
    public void Labels_come_from_property_names(string property, string label) => Assert.Equal(label, FieldLabels.For(property));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Storewise.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
