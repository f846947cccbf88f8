using GlacierTrail.Events;
using Xunit;

namespace GlacierTrail.StrictConsumer.Tests;

/// <summary>
/// The real check is that this project builds at all (see the project file); these tests make
/// sure the generated code it built is the whole built-in set and works.
/// </summary>
public sealed class StrictBuildTests
{
    /// <summary>Every built-in Glacier schema produced a type in this strict build.</summary>
    [Fact]
    public void All_built_in_event_types_are_generated()
    {
        Assert.Equal(33, GlacierTrailEvents.KnownEvents.Count);
        Assert.All(GlacierTrailEvents.KnownEvents, key => Assert.Equal("glacier.amazonaws.com", key.EventSource));
    }

    /// <summary>The strictly compiled dispatcher and parsers read a record.</summary>
    [Fact]
    public void Strictly_compiled_code_parses_a_record()
    {
        var evt = GlacierTrailEvents.ParseRecord("""{"eventTime":"2014-12-10T19:05:15Z","eventSource":"glacier.amazonaws.com","eventName":"DeleteVault","requestParameters":{"accountId":"-","vaultName":"v1"}}"""u8);
        var delete = Assert.IsType<DeleteVaultEvent>(evt);
        Assert.Equal("v1", delete.RequestParameters?.VaultName);
    }
}
