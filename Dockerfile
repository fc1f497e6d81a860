# syntax=docker/dockerfile:1
# Build: docker build -t hw4-lab .
#        docker build --build-arg HW4_CUDA=true -t hw4-lab:cuda .   (LibTorch for CUDA; run with --gpus all)
# Run:   docker run -p 5080:5080 -v "$PWD/../shared:/data:ro" -v hw4-runs:/var/lib/hw4 hw4-lab
# Team:  compose.yaml (PostgreSQL, Redis, two dashboard instances, one worker); see README "Team deployment".
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# true: the CUDA build of LibTorch (-p:Hw4Cuda=true, TorchSharp-cuda-linux) instead of the CPU one.
ARG HW4_CUDA=false
WORKDIR /src
COPY Directory.Build.props Directory.Build.targets Directory.Packages.props Hw4.sln ./
COPY build/ build/
COPY Hw4.Ml/Hw4.Ml.csproj Hw4.Ml/
COPY Hw4.Dashboard/Hw4.Dashboard.csproj Hw4.Dashboard/
RUN dotnet restore Hw4.Dashboard/Hw4.Dashboard.csproj -p:Hw4Cuda=${HW4_CUDA}
COPY Hw4.Ml/ Hw4.Ml/
COPY Hw4.Dashboard/ Hw4.Dashboard/
# The HTML report embeds the PyTorch definition of the networks (Hw4.Dashboard.csproj).
COPY scripts/pytorch/ scripts/pytorch/
RUN dotnet publish Hw4.Dashboard/Hw4.Dashboard.csproj -c Release -o /app --no-restore -p:Hw4Cuda=${HW4_CUDA}

# The .NET 10 runtime images are Ubuntu 24.04, whose libstdc++ already has GLIBCXX_3.4.32,
# so the build-time libLibTorchSharp patch is a no-op there.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# The CUDA build's LibTorch carries its CUDA libraries; the driver comes from the host (NVIDIA container toolkit).
ENV NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility \
    ASPNETCORE_URLS=http://0.0.0.0:5080 \
    HW4_DATA=/data \
    MALLOC_ARENA_MAX=2 \
    Hw4__ArtifactsDir=/var/lib/hw4/runs
EXPOSE 5080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD curl -fsS http://127.0.0.1:5080/healthz || exit 1
ENTRYPOINT ["./Hw4.Dashboard"]
