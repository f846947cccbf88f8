using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace GlacierTrail.Gen.Tests.Infrastructure;

/// <summary>
/// A compilation emitted to memory and loaded into a collectible context. GlacierTrail.dll is
/// not loaded again: the context falls back to the default one, so runtime types are the test's
/// own and results can be used without reflection; only the generated types need it.
/// </summary>
internal sealed class InMemoryAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private InMemoryAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public static InMemoryAssembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
            throw new Xunit.Sdk.XunitException("The generated code did not emit:\n" + GeneratorRun.Describe(errors));
        }

        image.Position = 0;
        var context = new AssemblyLoadContext("GlacierTrail.Gen.Tests.Generated", isCollectible: true);
        return new InMemoryAssembly(context, context.LoadFromStream(image));
    }

    public Type Type(string fullName) =>
        Assembly.GetType(fullName) ?? throw new Xunit.Sdk.XunitException($"No type {fullName} in the generated assembly.");

    public object? InvokeStatic(string typeName, string methodName, params object?[] arguments)
    {
        var method = Type(typeName).GetMethod(methodName, BindingFlags.Public | BindingFlags.Static)
            ?? throw new Xunit.Sdk.XunitException($"No public static method {typeName}.{methodName}.");
        return method.Invoke(null, arguments);
    }

    public void Dispose() => _context.Unload();
}
