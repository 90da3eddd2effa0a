using System.Buffers.Binary;
using System.Text;

namespace WalletHelp.LoadTest;

/// <summary>An element in a render batch that has an event handler: its tag, the handler, and its id / data-testid.</summary>
public sealed record HandlerElement(string Tag, string EventName, ulong HandlerId, string? Id, string? TestId, string? Text);

/// <summary>
/// Reads the parts of a Blazor Server render batch (the binary format <c>blazor.web.js</c> reads in its
/// OutOfProcessRenderBatch: sections located by the five int32 offsets at the end; reference frames of 20 bytes;
/// strings as indexes into a table of LEB128-length-prefixed UTF-8) that a headless client needs: which element
/// carries which event handler id.
/// </summary>
public static class RenderBatchReader
{
    private const int FrameSize = 20;
    private const int Element = 1;
    private const int Text = 2;
    private const int Attribute = 3;

    public static List<HandlerElement> Handlers(ReadOnlySpan<byte> batch)
    {
        var result = new List<HandlerElement>();
        var framesStart = Int(batch, batch.Length - 16);
        var stringTable = Int(batch, batch.Length - 4);
        var count = Int(batch, framesStart);
        var first = framesStart + 4;

        string? tag = null, id = null, testId = null, text = null;
        var pending = new List<(string Event, ulong Handler)>();
        void Flush()
        {
            if (tag is not null)
            {
                foreach (var (name, handler) in pending)
                {
                    result.Add(new HandlerElement(tag, name, handler, id, testId, text));
                }
            }
            pending.Clear();
            tag = id = testId = text = null;
        }

        for (var i = 0; i < count; i++)
        {
            var frame = first + (i * FrameSize);
            switch (Int(batch, frame))
            {
                case Element:
                    Flush();
                    tag = ReadString(batch, stringTable, Int(batch, frame + 8));
                    break;
                case Attribute:
                    var name = ReadString(batch, stringTable, Int(batch, frame + 4));
                    var handlerId = BinaryPrimitives.ReadUInt64LittleEndian(batch[(frame + 12)..]);
                    if (handlerId != 0 && name is not null && name.StartsWith("on", StringComparison.Ordinal))
                    {
                        pending.Add((name[2..], handlerId));
                    }
                    else if (name == "id")
                    {
                        id = ReadString(batch, stringTable, Int(batch, frame + 8));
                    }
                    else if (name == "data-testid")
                    {
                        testId = ReadString(batch, stringTable, Int(batch, frame + 8));
                    }
                    break;
                case Text when tag is not null && text is null:
                    // The first text inside the element (a button's caption).
                    text = ReadString(batch, stringTable, Int(batch, frame + 4));
                    break;
                default:
                    break;
            }
        }
        Flush();
        return result;
    }

    private static int Int(ReadOnlySpan<byte> data, int position) => BinaryPrimitives.ReadInt32LittleEndian(data[position..]);

    private static string? ReadString(ReadOnlySpan<byte> batch, int stringTable, int index)
    {
        if (index == -1)
        {
            return null;
        }
        var position = Int(batch, stringTable + (4 * index));
        var length = 0;
        var shift = 0;
        byte b;
        do
        {
            b = batch[position++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        return Encoding.UTF8.GetString(batch.Slice(position, length));
    }
}
