using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hw4.Dashboard.Configuration;

/// <summary>How the JSON API (runs, shares) reads request bodies.</summary>
public static class ApiJson
{
    /// <summary>Web names; a field the API does not know is refused.</summary>
    public static readonly JsonSerializerOptions Body = new(JsonSerializerDefaults.Web)
    {
        // A field this API does not know is a mistake (or a probe) worth refusing, not silently dropping.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}
