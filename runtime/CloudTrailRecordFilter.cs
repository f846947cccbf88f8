using System;

namespace GlacierTrail;

/// <summary>
/// Decides, from a record's <c>eventSource</c> and <c>eventName</c> as UTF-8 bytes, whether the
/// reader parses it. Runs before anything in the record is materialised, so skipping a record
/// costs little more than finding its end. See <see cref="CloudTrailReaderOptions.EventFilter"/>.
/// </summary>
/// <param name="eventSource">The record's <c>eventSource</c>, e.g. <c>glacier.amazonaws.com</c>, unescaped UTF-8.</param>
/// <param name="eventName">The record's <c>eventName</c>, e.g. <c>CreateVault</c>, unescaped UTF-8.</param>
/// <returns>True to read the record; false to skip it.</returns>
public delegate bool CloudTrailRecordFilter(ReadOnlySpan<byte> eventSource, ReadOnlySpan<byte> eventName);
