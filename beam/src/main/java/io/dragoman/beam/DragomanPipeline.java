package io.dragoman.beam;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The job as transforms: read the inputs (files, JSONL, WARC on any Beam file system), give every article an id of
 * its own, deduplicate by cleaned content, skip the articles the output already holds, shard by article id, run each shard through the CLI's batch path, and
 * write what it hands on through Beam's file sinks, whose temporary files are renamed into place only when a bundle
 * commits, so a retried bundle leaves neither duplicates nor half files.
 */
final class DragomanPipeline {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DragomanPipeline() {}

    /** Adds the job's transforms to {@code pipeline}. */
    static void build(Pipeline pipeline, JobSettings s) {
        SerializableCoder<Page> pageCoder = SerializableCoder.of(Page.class);
        PCollection<KV<String, Page>> read = pipeline.apply("Inputs", Create.of(s.inputs()))
                .apply("Match", FileIO.matchAll().withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW_IF_WILDCARD))
                // as stored: web archives are read member by member, JSONL and pages gunzipped by name
                .apply("Open", FileIO.readMatches().withCompression(Compression.UNCOMPRESSED))
                .apply("Read", ParDo.of(new ReadFn(s.maxBytes())))
                .setCoder(KvCoder.of(StringUtf8Coder.of(), pageCoder));
        PCollection<KV<String, String>> done = pipeline.apply(
                        "Earlier articles",
                        TextIO.read()
                                .from(s.under("articles-*.jsonl"))
                                .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
                .apply(
                        "Their ids",
                        MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                                .via(line -> KV.of(idOf(line), "")));
        PCollection<Page> unique = read.apply("By id", GroupByKey.create())
                .apply("Unique ids", ParDo.of(new Steps.UniqueIds()))
                .setCoder(pageCoder)
                .apply("Content hash", ParDo.of(new Steps.ContentHash(s.maxBytes())))
                .setCoder(KvCoder.of(StringUtf8Coder.of(), pageCoder))
                .apply("By content", GroupByKey.create())
                .apply("Deduplicate", ParDo.of(new Steps.Deduplicate()))
                .setCoder(pageCoder);
        TupleTag<Page> pages = new TupleTag<>();
        TupleTag<String> earlier = new TupleTag<>();
        PCollection<KV<String, Page>> byId = unique.apply(
                        "Keyed", WithKeys.of((Page p) -> p.id()).withKeyType(TypeDescriptors.strings()))
                .setCoder(KvCoder.of(StringUtf8Coder.of(), pageCoder));
        PCollection<Page> fresh = KeyedPCollectionTuple.of(pages, byId)
                .and(earlier, done)
                .apply("With earlier ids", CoGroupByKey.create())
                .apply("Resume", ParDo.of(new Steps.Resume(pages, earlier)))
                .setCoder(pageCoder);
        PCollectionTuple results = fresh.apply("Shard", ParDo.of(new Steps.Shard(s.shards())))
                .setCoder(KvCoder.of(VarIntCoder.of(), pageCoder))
                .apply("By shard", GroupByKey.create())
                .apply(
                        "Clean, translate, summarise",
                        ParDo.of(new ShardRun(s))
                                .withOutputTags(
                                        ShardRun.ARTICLES,
                                        TupleTagList.of(ShardRun.FAILURES).and(ShardRun.PAGES)));
        results.get(ShardRun.ARTICLES)
                .setCoder(StringUtf8Coder.of())
                .apply(
                        "Write articles",
                        TextIO.write().to(s.under("articles-" + s.run())).withSuffix(".jsonl"));
        results.get(ShardRun.FAILURES)
                .setCoder(StringUtf8Coder.of())
                .apply(
                        "Write failures",
                        TextIO.write().to(s.under("failures-" + s.run())).withSuffix(".jsonl"));
        results.get(ShardRun.PAGES)
                .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
                .apply(
                        "Write pages",
                        FileIO.<String, KV<String, String>>writeDynamic()
                                .by(KV::getKey)
                                .withDestinationCoder(StringUtf8Coder.of())
                                .via(Contextful.fn(KV::getValue), new Text())
                                .to(s.under("md"))
                                .withNaming(id -> (window, pane, numShards, shardIndex, compression) -> id + ".md")
                                .withNumShards(1));
    }

    /** The id of an {@code articles.jsonl} record. */
    static String idOf(String line) {
        try {
            return JSON.readTree(line).path("id").asText();
        } catch (IOException e) {
            return "";
        }
    }

    /** Writes each element as it is, in UTF-8: one Markdown page per file. */
    static final class Text implements FileIO.Sink<String> {
        private static final long serialVersionUID = 1L;
        private transient OutputStream out;

        @Override
        public void open(WritableByteChannel channel) {
            out = Channels.newOutputStream(channel);
        }

        @Override
        public void write(String element) throws IOException {
            out.write(element.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
