package gov.ice.registry.web.problem;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import reactor.netty.NettyPipeline;

/**
 * A request whose header fields exceed {@code server.max-http-request-header-size} (a 64 KB
 * bearer token, a cookie flood), or whose request line exceeds Netty's limit, never reaches
 * Spring: Reactor Netty answers 431 or 414 itself, with an empty body, and closes the
 * connection. This handler sits between Netty's HTTP codec and Reactor Netty and gives those
 * answers the problem+json body every other error has. It touches nothing else: the
 * application never answers 431 or 414 with an empty body itself.
 */
@Configuration(proxyBeanMethods = false)
class OversizedHeaders {

  static final String HANDLER = "registry.problemForOversizedRequest";

  @Bean
  NettyServerCustomizer problemForOversizedHeaders(@Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaderSize) {
    ProblemBody body = new ProblemBody(maxHeaderSize.toBytes());
    return server -> server.doOnChannelInit((observer, channel, remote) -> {
      if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(HANDLER) == null) {
        channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, body);
      }
    });
  }

  @ChannelHandler.Sharable
  static final class ProblemBody extends ChannelOutboundHandlerAdapter {

    private final long maxHeaderBytes;

    ProblemBody(long maxHeaderBytes) {
      this.maxHeaderBytes = maxHeaderBytes;
    }

    @Override
    public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
      if (message instanceof FullHttpResponse response && response.content().readableBytes() == 0) {
        String problem = problem(response.status());
        if (problem != null) {
          byte[] bytes = problem.getBytes(StandardCharsets.UTF_8);
          FullHttpResponse withBody = response.replace(Unpooled.wrappedBuffer(bytes));
          withBody.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
          withBody.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
          response.release();
          super.write(context, withBody, promise);
          return;
        }
      }
      super.write(context, message, promise);
    }

    private String problem(HttpResponseStatus status) {
      if (HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.equals(status)) {
        return json(431, "request-header-too-large", "Request header fields too large",
            "The request's header fields exceed the limit of " + maxHeaderBytes + " bytes in all; "
                + "a bearer token, cookie or other header that large is refused.");
      }
      if (HttpResponseStatus.REQUEST_URI_TOO_LONG.equals(status)) {
        return json(414, "uri-too-long", "URI too long", "The request line is longer than the registry accepts.");
      }
      return null;
    }

    /** Fixed texts only, so no escaping is needed and no mapper runs on the event loop's error path. */
    private static String json(int status, String slug, String title, String detail) {
      return "{\"type\":\"" + Problems.typeBase() + slug + "\",\"title\":\"" + title + "\",\"status\":" + status
          + ",\"detail\":\"" + detail + "\"}";
    }
  }
}
