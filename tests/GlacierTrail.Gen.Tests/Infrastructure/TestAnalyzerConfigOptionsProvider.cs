using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GlacierTrail.Gen.Tests.Infrastructure;

/// <summary>
/// Global analyzer options as MSBuild passes them (<c>build_property.X</c>); per-file options are empty.
/// </summary>
internal sealed class TestAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

    public TestAnalyzerConfigOptionsProvider(IReadOnlyDictionary<string, string>? globalOptions = null)
    {
        GlobalOptions = new DictionaryOptions(globalOptions ?? new Dictionary<string, string>());
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(IReadOnlyDictionary<string, string> values)
        {
            // Keys are case-insensitive in the compiler's own implementation.
            _values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in values)
            {
                _values[pair.Key] = pair.Value;
            }
        }

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
