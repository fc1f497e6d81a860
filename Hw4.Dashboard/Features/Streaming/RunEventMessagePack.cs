using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;

namespace Hw4.Dashboard.Features.Streaming;

/// <summary>
/// The hub's MessagePack settings, for the server and for .NET clients alike (<c>AddMessagePackProtocol(o =&gt;
/// o.SerializerOptions = RunEventMessagePack.Options)</c>). The hub's payloads are the same records as in JSON; what
/// MessagePack's own resolvers cannot do is the abstract <see cref="RunEvent"/>, which travels here as a two-element
/// array <c>[type, event]</c> with the same type words JSON's <c>type</c> field uses (read from <see cref="RunEvent"/>'s
/// <see cref="JsonDerivedTypeAttribute"/>s, the one list of them), and <see cref="RunStatus"/>, written as its run.json word
/// (completed, stopped, …) as in JSON. Everything else is MessagePack's contractless standard resolver (records by
/// property name, <see cref="DateTimeOffset"/> as date and offset, nullable values as nil), with SignalR's untrusted-data
/// limits.
/// </summary>
public static class RunEventMessagePack
{
    /// <summary>The serializer options: the run-event formatters first, then SignalR's own resolver order.</summary>
    public static MessagePackSerializerOptions Options { get; } = MessagePackSerializerOptions.Standard
        .WithResolver(CompositeResolver.Create(
            [RunEventFormatter.Instance, RunStatusFormatter.Instance],
            [DynamicEnumAsStringResolver.Instance, ContractlessStandardResolver.Instance]))
        .WithSecurity(MessagePackSecurity.UntrustedData);

    private sealed class RunEventFormatter : IMessagePackFormatter<RunEvent?>
    {
        public static readonly RunEventFormatter Instance = new();

        private static readonly FrozenDictionary<Type, string> WordOf = typeof(RunEvent)
            .GetCustomAttributes<JsonDerivedTypeAttribute>()
            .ToFrozenDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

        private static readonly FrozenDictionary<string, Type> TypeOf =
            WordOf.ToFrozenDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

        public void Serialize(ref MessagePackWriter writer, RunEvent? value, MessagePackSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNil();
                return;
            }

            var type = value.GetType();
            if (!WordOf.TryGetValue(type, out var word))
                throw new MessagePackSerializationException($"RunEvent type {type.Name} has no [JsonDerivedType] word on RunEvent.");
            writer.WriteArrayHeader(2);
            writer.Write(word);
            MessagePackSerializer.Serialize(type, ref writer, value, options);
        }

        public RunEvent? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
        {
            if (reader.TryReadNil())
                return null;
            if (reader.ReadArrayHeader() != 2)
                throw new MessagePackSerializationException("A RunEvent is a [type, event] array of two.");
            var word = reader.ReadString();
            if (word is null || !TypeOf.TryGetValue(word, out var type))
                throw new MessagePackSerializationException($"Unknown RunEvent type '{word}'.");
            options.Security.DepthStep(ref reader);
            try
            {
                return (RunEvent?)MessagePackSerializer.Deserialize(type, ref reader, options);
            }
            finally
            {
                reader.Depth--;
            }
        }
    }

    // The run status as its one lower-case word, as JSON and run.json write it (DynamicEnumAsString would write "Completed").
    private sealed class RunStatusFormatter : IMessagePackFormatter<RunStatus>
    {
        public static readonly RunStatusFormatter Instance = new();

        public void Serialize(ref MessagePackWriter writer, RunStatus value, MessagePackSerializerOptions options) =>
            writer.Write(value.Name());

        public RunStatus Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
        {
            var word = reader.ReadString();
            return RunStatusNames.Parse(word) ?? throw new MessagePackSerializationException($"Unknown run status '{word}'.");
        }
    }
}
