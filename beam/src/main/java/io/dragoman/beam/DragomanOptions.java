package io.dragoman.beam;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/**
 * The job's options, as {@code --name=value} on the command line. There is deliberately no option for an API key:
 * runners log their options and show them in their UIs, so keys come from the workers' environment ({@code
 * OPENAI_API_KEY}, …) or their Dragoman config file, as for the CLI.
 */
public interface DragomanOptions extends PipelineOptions {

    @Description("Input file patterns, comma-separated, on any Beam file system (local, gs://, s3://, hdfs://):"
            + " plain-text or HTML pages, JSONL files (.jsonl, .jsonl.gz), web archives (.warc, .warc.gz).")
    @Validation.Required
    String getInputs();

    void setInputs(String value);

    @Description("Output directory on any Beam file system: articles-*.jsonl, failures-*.jsonl, md/<id>.md,"
            + " report-*.json and the call cache in cache/. A rerun into the same directory skips the articles it"
            + " holds.")
    @Validation.Required
    String getOutput();

    void setOutput(String value);

    @Description("Provider: openai, anthropic, gemini, mistral, ollama or openai-compatible.")
    String getProvider();

    void setProvider(String value);

    @Description("Model name (default: the provider's default model).")
    String getModel();

    void setModel(String value);

    @Description("Base URL of the provider's API (a proxy, a local server, a stand-in).")
    String getBaseUrl();

    void setBaseUrl(String value);

    @Description("Requests per minute for the whole job, across all workers (0: no limit).")
    @Default.Integer(0)
    int getRpm();

    void setRpm(int value);

    @Description("Tokens per minute for the whole job, across all workers (0: no limit).")
    @Default.Long(0)
    long getTpm();

    void setTpm(long value);

    @Description("Run only this stage: clean, translate or summarize (default: all).")
    String getOnly();

    void setOnly(String value);

    @Description("Stop each shard before it spends more than its share (maxCost / shards) of this many US dollars.")
    String getMaxCost();

    void setMaxCost(String value);

    @Description("How many shards the model stages run in: each shard has its own rate limiter at rpm / shards and"
            + " tpm / shards, and works on its articles one or --concurrency at a time.")
    @Default.Integer(4)
    int getShards();

    void setShards(int value);

    @Description("Articles in flight at once within one shard.")
    @Default.Integer(1)
    int getConcurrency();

    void setConcurrency(int value);

    @Description("Skip inputs (and JSONL lines, WARC payloads) larger than this many bytes, with an error.")
    @Default.Long(10_485_760)
    long getMaxBytes();

    void setMaxBytes(long value);
}
