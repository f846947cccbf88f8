using GlacierTrail.Serialization;
namespace GlacierTrail.Envelope;

/// <summary>
/// The envelope values of one record, held inside its event. A record's event type is known only
/// once its <c>eventName</c> has been read, which may come last, so the parser fills a copy of its
/// own and hands it to the event whole.
/// </summary>
/// <remarks>
/// Every record read carries one of these, so it holds only what most records have, as compactly
/// as the values allow. Its members, the side object for the rare ones and the flags are
/// generated from the record schema (<c>schemas/cloudtrail-record.schema.json</c>); this part
/// holds what no member decides: the problems, the verbatim copy and how the side object grows.
/// </remarks>
internal partial struct EnvelopeFields
{
    // What did not fit, for the few records that have problems.
    public CloudTrailProblem[]? Problems { readonly get => (_rare as RareFieldsWithProblems)?.Problems; set => WithProblems(value is null)?.Problems = value; }

    // The record's own text, for the few records the typed model cannot write back (a repeated
    // member, text that is not Unicode).
    public RawJson? Verbatim { readonly get => (_rare as RareFieldsWithProblems)?.Verbatim; set => WithProblems(value is null)?.Verbatim = value; }

    // Clearing a member where nothing rare was ever set has nothing to clear: no allocation.
    private RareEnvelopeFields? Rare(bool clearing) => clearing ? _rare : _rare ??= new();

    // Problems live in a larger kind of the side object, made only for records that have them,
    // so the many records with a rare member but no problem carry nothing more.
    private RareFieldsWithProblems? WithProblems(bool clearing)
    {
        if (clearing || _rare is RareFieldsWithProblems)
        {
            return _rare as RareFieldsWithProblems;
        }

        var larger = new RareFieldsWithProblems();
        _rare?.CopyTo(larger);
        _rare = larger;
        return larger;
    }

    private sealed class RareFieldsWithProblems : RareEnvelopeFields
    {
        public CloudTrailProblem[]? Problems;
        public RawJson? Verbatim;
    }
}
