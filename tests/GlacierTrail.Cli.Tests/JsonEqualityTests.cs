using System.Text.Json;
using GlacierTrail.Testing;
using Xunit;

namespace GlacierTrail.Cli.Tests;

public class JsonEqualityTests
{
    [Theory]
    [InlineData("{\"a\":1,\"b\":[1,2]}", "{\"b\":[1,2],\"a\":1.0}")]
    [InlineData("1e2", "100")]
    [InlineData("\"\\u00e9\"", "\"é\"")]
    public void JSON_equal_values_have_no_difference(string left, string right)
    {
        using var a = JsonDocument.Parse(left);
        using var b = JsonDocument.Parse(right);
        Assert.Null(JsonAssert.FindDifference(a.RootElement, b.RootElement, "$"));
    }

    [Theory]
    [InlineData("{\"a\":1}", "{\"a\":1,\"b\":2}")]
    [InlineData("[1,2]", "[2,1]")]
    [InlineData("\"A\"", "\"a\"")]
    [InlineData("null", "{}")]
    [InlineData("1", "1.0001")]
    public void JSON_unequal_values_have_a_difference(string left, string right)
    {
        using var a = JsonDocument.Parse(left);
        using var b = JsonDocument.Parse(right);
        Assert.NotNull(JsonAssert.FindDifference(a.RootElement, b.RootElement, "$"));
    }
}
