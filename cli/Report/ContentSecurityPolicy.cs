using System;
using System.Security.Cryptography;
using System.Text;

namespace GlacierTrail.Cli.Report;

/// <summary>
/// The report's Content-Security-Policy: nothing may load (<c>default-src 'none'</c>), and the one
/// inline style sheet and the one inline script run only because their SHA-256 hashes are listed.
/// Markup that found its way in from the data could neither run script nor style the page, nor
/// load anything: it would show as a policy violation instead.
/// </summary>
internal static class ContentSecurityPolicy
{
    /// <summary>The policy for a page whose only inline style and script are these texts (exactly as between their tags).</summary>
    public static string For(string style, string script) =>
        $"default-src 'none'; style-src {Source(style)}; script-src {Source(script)}; base-uri 'none'; form-action 'none'";

    /// <summary>A hash source, <c>'sha256-BASE64'</c>, of the UTF-8 of an inline element's text.</summary>
    public static string Source(string inline)
    {
        ArgumentNullException.ThrowIfNull(inline);
        return "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline))) + "'";
    }
}
