global using Softswitch.Sip.Messages;
global using Softswitch.Sip.Parsing;
global using Softswitch.Sip.Transport;
