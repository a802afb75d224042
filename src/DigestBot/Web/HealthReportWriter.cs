using System.Text.Json;
using DigestBot.TelegramHost;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DigestBot.Web;

/// <summary>Writes <c>/healthz</c> as JSON: the overall status, each check, and when the last update came in.</summary>
public static class HealthReportWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var activity = context.RequestServices.GetRequiredService<UpdateActivity>();
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", Name(report.Status));
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", Name(entry.Status));
            if (entry.Description is not null)
            {
                json.WriteString("description", entry.Description);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        if (activity.LastReceivedAt is { } last)
        {
            json.WriteString("lastUpdateReceivedAt", last);
        }
        else
        {
            json.WriteNull("lastUpdateReceivedAt");
        }

        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
