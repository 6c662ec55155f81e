using System.Globalization;

namespace Softswitch.Interop.Tests.Baresip;

/// <summary>
/// A temporary baresip configuration directory (<c>baresip -f DIR</c>) holding the config file and the tone that aufile
/// plays. There is no accounts file: the account is added over ctrl_tcp with <c>uanew</c> once the harness listens
/// for events (see <see cref="BaresipPhone"/>), so the account module is not loaded.
/// </summary>
internal sealed class BaresipConfigDirectory : IDisposable
{
    private BaresipConfigDirectory(string path) => Path = path;

    public string Path { get; }

    public static BaresipConfigDirectory Create(int sipPort, int controlPort, TimeSpan audioLength)
    {
        var directory = new BaresipConfigDirectory(Directory.CreateTempSubdirectory("baresip-").FullName);
        var tone = System.IO.Path.Combine(directory.Path, "tone.wav");
        PcmWaveFile.WriteTone(tone, audioLength);
        File.WriteAllText(System.IO.Path.Combine(directory.Path, "config"), string.Create(CultureInfo.InvariantCulture, $"""
            # Loopback only and no sound card: the tone file is the microphone, aubridge's 'nil' device the speaker.
            poll_method       epoll
            sip_listen        127.0.0.1:{sipPort}
            net_interface     127.0.0.1
            audio_source      aufile,{tone}
            audio_player      aubridge,nil
            audio_alert       aubridge,nil
            # The menu's once-a-second call status line would crowd the captured output.
            statmode_default  off
            # Without it baresip looks for modules in the working directory, and runs on without them.
            module_path       /usr/lib/baresip/modules
            module            g711.so
            module            aufile.so
            module            aubridge.so
            # menu provides the dial, hangup, uanew and quit commands that ctrl_tcp runs.
            module_app        menu.so
            module_app        ctrl_tcp.so
            ctrl_tcp_listen   127.0.0.1:{controlPort}

            """));
        return directory;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
