using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FairCollective.Tests.Reporting.Browser;

/// <summary>
/// A minimal Chrome DevTools Protocol client over one WebSocket: commands are matched to replies by id, events are
/// queued for the caller. Written by hand because the test needs five commands and no CDP library is referenced.
/// </summary>
public sealed class CdpConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _receiver = Task.CompletedTask;
    private int _nextId;

    /// <summary>Every event received so far (method and params), in arrival order.</summary>
    public ConcurrentQueue<(string Method, JsonObject Params, string? SessionId)> Events { get; } = new();

    public static async Task<CdpConnection> ConnectAsync(Uri endpoint, CancellationToken ct)
    {
        var c = new CdpConnection();
        // Screenshots of long pages arrive as one large message; the default buffer would still work but slowly.
        c._socket.Options.SetBuffer(1 << 16, 1 << 16);
        await c._socket.ConnectAsync(endpoint, ct);
        c._receiver = Task.Run(c.ReceiveLoop);
        return c;
    }

    /// <summary>Sends a command (to a page session when sessionId is given) and returns its result, or throws on a CDP
    /// error.</summary>
    public async Task<JsonObject> SendAsync(string method, JsonObject? parameters, string? sessionId,
        CancellationToken ct)
    {
        int id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (sessionId is not null) message["sessionId"] = sessionId;
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, ct);
        using var reg = ct.Register(() => reply.TrySetCanceled(ct));
        var response = await reply.Task;
        if (response["error"] is JsonNode error) throw new
            InvalidOperationException($"CDP {method} failed: {error.ToJsonString()}");
        return response["result"] as JsonObject ?? new JsonObject();
    }

    /// <summary>Waits until an event of the given method has arrived (checking the queue, then polling).</summary>
    public async Task WaitForEventAsync(string method, CancellationToken ct)
    {
        while (!Events.Any(e => e.Method == method))
            await Task.Delay(50, ct);
    }

    private async Task ReceiveLoop()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var r = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (r.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage) continue;
                var node = JsonNode.Parse(message.ToArray())!.AsObject();
                message.SetLength(0);
                if (node["id"] is JsonNode idNode && _pending.TryRemove(idNode.GetValue<int>(),
                    out var tcs)) tcs.TrySetResult(node);
                else if (node["method"] is JsonNode m)
                    Events.Enqueue((m.GetValue<string>(), node["params"] as JsonObject ?? new JsonObject(),
                        node["sessionId"]?.GetValue<string>()));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or JsonException)
        {
            // Closing the browser ends the socket; pending commands are failed below.
        }
        foreach (var tcs in _pending.Values) tcs.TrySetException(new
            InvalidOperationException("the DevTools connection closed"));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done",
                    CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException)
        {
            // The browser may already be gone.
        }
        await _receiver.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _stop.Dispose();
    }
}
