using System.Text;
using Xunit;

namespace GlacierTrail.Tests;

public class LogFilesTests
{
    [Theory]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08 }, true)] // gzip, as S3 delivers logs
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{' }, true)] // a byte order mark, then a log
    [InlineData(new byte[] { (byte)' ', (byte)'\n', (byte)'[' }, true)] // an array after whitespace
    [InlineData(new byte[0], true)] // empty: not damage, just no records
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'#' }, false)]
    [InlineData(new byte[] { 0x00, 0x00 }, false)]
    public void StartsLikeLog_tells_log_files_from_stray_files(byte[] head, bool expected) =>
        Assert.Equal(expected, LogFiles.StartsLikeLog(head));

    [Fact]
    public void StartsLikeLog_rejects_text_files_found_in_log_folders()
    {
        Assert.False(LogFiles.StartsLikeLog(Encoding.UTF8.GetBytes("# README\nThese are our logs.")));
        Assert.False(LogFiles.StartsLikeLog(Encoding.UTF8.GetBytes("d41d8cd98f00b204e9800998ecf8427e  log.json.gz")));
    }
}
