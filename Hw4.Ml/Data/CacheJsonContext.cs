using System.Text.Json.Serialization;

namespace Hw4.Ml.Data;

/// <summary>Source-generated JSON for the cache header: no reflection warm-up on the warm-load path.</summary>
[JsonSerializable(typeof(DatasetCache.Header))]
internal sealed partial class CacheJsonContext : JsonSerializerContext
{
}
