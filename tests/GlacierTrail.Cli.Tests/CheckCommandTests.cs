using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace GlacierTrail.Cli.Tests;

public class CheckCommandTests
{
    [Fact]
    public async Task The_fixtures_have_no_drift()
    {
        var result = await CliRunner.RunAsync("check", CliRunner.Fixtures);

        Assert.Equal(0, result.Code);
        Assert.Contains("checked 66 record(s) in 66 file(s)", result.Out, StringComparison.Ordinal);
        Assert.Contains("no drift found", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_unknown_events_unknown_fields_and_type_mismatches()
    {
        var result = await CliRunner.RunAsync("check", CliRunner.Data("drift"));
        string example = CliRunner.Data("drift/drift.json");

        Assert.Equal(1, result.Code);
        Assert.Equal(string.Empty, result.Err);
        Assert.Contains($"event names with no schema (1):\n         2  glacier.amazonaws.com GetVaultCompliance  (e.g. {example} record 1)\n", result.Out, StringComparison.Ordinal);
        Assert.Contains($"         1  InitiateJob requestParameters.jobParameters.priority  (e.g. {example} record 2)\n", result.Out, StringComparison.Ordinal);
        Assert.Contains($"         1  sessionCredentialRotation  (e.g. {example} record 2)\n", result.Out, StringComparison.Ordinal);
        Assert.Contains($"type mismatches (1):\n         1  ListJobs requestParameters.limit: expected a string, found an integer  (e.g. {example} record 3)\n", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("s3.amazonaws.com", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drift_is_found_in_nested_envelope_objects_maps_arrays_and_nulls_with_the_generated_metadata()
    {
        string file = Path.Combine(Path.GetTempPath(), "glaciertrail-drift-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            File.WriteAllText(file, """
                {"Records":[
                  {"eventVersion":"1.11","eventTime":"2025-01-01T00:00:00Z","eventSource":"glacier.amazonaws.com","eventName":"AddTagsToVault",
                   "userIdentity":{"type":"IAMUser","sessionContext":{"sessionIssuer":{"type":"Role","badge":"x"}}},
                   "resources":[{"ARN":"arn:aws:glacier:us-east-1:1:vaults/v","owner":"me"}],
                   "requestParameters":{"accountId":"-","vaultName":"v","tags":{"a":"b","c":5}}},
                  {"eventVersion":"1.11","eventTime":"2025-01-01T00:00:00Z","eventSource":"glacier.amazonaws.com","eventName":"SetVaultNotifications",
                   "requestParameters":{"accountId":null,"vaultName":"v","vaultNotificationConfig":{"sNSTopic":"t","events":["ArchiveRetrievalCompleted",7],"extra":true}}}
                ]}
                """);

            var result = await CliRunner.RunAsync("check", file);

            Assert.Equal(1, result.Code);
            Assert.Contains($"         1  userIdentity.sessionContext.sessionIssuer.badge  (e.g. {file} record 0)\n", result.Out, StringComparison.Ordinal);
            Assert.Contains($"         1  resources[].owner  (e.g. {file} record 0)\n", result.Out, StringComparison.Ordinal);
            Assert.Contains($"         1  AddTagsToVault requestParameters.tags.*: expected a string, found an integer  (e.g. {file} record 0)\n", result.Out, StringComparison.Ordinal);
            Assert.Contains($"         1  SetVaultNotifications requestParameters.vaultNotificationConfig.extra  (e.g. {file} record 1)\n", result.Out, StringComparison.Ordinal);
            Assert.Contains($"         1  SetVaultNotifications requestParameters.vaultNotificationConfig.events[]: expected a string, found an integer  (e.g. {file} record 1)\n", result.Out, StringComparison.Ordinal);
            Assert.Contains($"         1  SetVaultNotifications requestParameters.accountId: expected a string, found null  (e.g. {file} record 1)\n", result.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task All_adds_every_service()
    {
        var result = await CliRunner.RunAsync("check", "--all", CliRunner.Logs);

        Assert.Equal(1, result.Code);
        Assert.Contains("ec2.amazonaws.com DescribeInstances", result.Out, StringComparison.Ordinal);
        Assert.Contains("s3.amazonaws.com GetObject", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("fields no schema names", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggest_writes_a_starting_schema_in_the_projects_dialect()
    {
        string directory = Path.Combine(Path.GetTempPath(), "glaciertrail-suggest-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = await CliRunner.RunAsync("check", "--all", "--suggest", directory, CliRunner.Data("drift"));

            Assert.Equal(1, result.Code);
            string path = Path.Combine(directory, "glacier", "GetVaultCompliance.schema.json");
            Assert.Contains("suggested schema: " + path, result.Out, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(directory, "s3", "GetObject.schema.json")));
            using var schema = JsonDocument.Parse(File.ReadAllText(path));
            var root = schema.RootElement;
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
            Assert.Equal("GetVaultCompliance", root.GetProperty("title").GetString());
            Assert.Equal("glacier.amazonaws.com", root.GetProperty("x-cloudtrail").GetProperty("eventSource").GetString());
            Assert.Equal("GetVaultCompliance", root.GetProperty("x-cloudtrail").GetProperty("eventName").GetString());
            Assert.Equal("inferred", root.GetProperty("x-evidence").GetString());
            Assert.Equal("object", root.GetProperty("type").GetString());
            Assert.False(root.TryGetProperty("required", out _));

            var request = root.GetProperty("properties").GetProperty("requestParameters");
            Assert.Equal("object", request.GetProperty("type").GetString());
            var members = request.GetProperty("properties");
            Assert.Equal(new[] { "accountId", "vaultName", "includeHistory", "limit", "window", "checks" }, members.EnumerateObject().Select(p => p.Name));
            Assert.Equal("string", members.GetProperty("vaultName").GetProperty("type").GetString());
            Assert.Equal("boolean", members.GetProperty("includeHistory").GetProperty("type").GetString());
            Assert.Equal(new[] { "integer", "null" }, members.GetProperty("limit").GetProperty("type").EnumerateArray().Select(t => t.GetString()));
            var window = members.GetProperty("window");
            Assert.Equal("object", window.GetProperty("type").GetString());
            Assert.Equal("date-time", window.GetProperty("properties").GetProperty("start").GetProperty("format").GetString());
            Assert.Equal("null", window.GetProperty("properties").GetProperty("end").GetProperty("type").GetString());
            Assert.Equal("array", members.GetProperty("checks").GetProperty("type").GetString());
            Assert.Equal("string", members.GetProperty("checks").GetProperty("items").GetProperty("type").GetString());
            Assert.Equal("null", root.GetProperty("properties").GetProperty("responseElements").GetProperty("type").GetString());
            Assert.All(members.EnumerateObject(), p => Assert.False(string.IsNullOrEmpty(p.Value.GetProperty("description").GetString())));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Unreadable_records_and_problems_fail_the_check_and_the_problem_comes_with_its_fix()
    {
        var result = await CliRunner.RunAsync("check", CliRunner.Data("broken"));

        Assert.Equal(1, result.Code);
        Assert.Contains("unreadable records: 1", result.Out, StringComparison.Ordinal);
        Assert.Contains("problems in 1 record(s) (1):", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"\n +1  DescribeVault eventTime: WrongType  \(e\.g\. 5 in .*broken\.json record 1\)", result.Out);
        Assert.Contains("fix: the logs hold another JSON type at 'eventTime'", result.Out, StringComparison.Ordinal);
    }
}
