namespace NeuralPost.Onnx;

/// <summary>One message ONNX Runtime logged through the environment's logger.</summary>
/// <param name="Severity">How severe the message is.</param>
/// <param name="Category">ORT's category, for example "onnxruntime".</param>
/// <param name="LogId">The environment or session log id.</param>
/// <param name="CodeLocation">Native source location that logged it.</param>
/// <param name="Message">The text.</param>
public sealed record OrtLogMessage(OrtLoggingLevel Severity, string Category, string LogId, string CodeLocation, string Message);
